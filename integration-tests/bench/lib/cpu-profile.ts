import { Session } from "node:inspector"

/** A V8 CPU profile as the inspector returns it (the fields the benches read). */
export type CpuProfile = {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }>
  startTime: number
  samples: number[]
  timeDeltas: number[]
}

/**
 * Profiles this process's CPU from now until `stop`, through the inspector: NODE_OPTIONS=--cpu-prof
 * never sees a `medusa exec` script's end. `intervalUs` is the sampling interval (V8's default 1,000).
 */
export async function startCpuProfile(intervalUs?: number): Promise<{ stop(): Promise<CpuProfile> }> {
  const session = new Session()
  session.connect()
  const post = (method: string, params?: object) =>
    new Promise<any>((resolve, reject) => session.post(method, params, (error: Error | null, result: any) => (error ? reject(error) : resolve(result))))
  await post("Profiler.enable")
  if (intervalUs) await post("Profiler.setSamplingInterval", { interval: intervalUs })
  await post("Profiler.start")
  return {
    async stop() {
      const { profile } = await post("Profiler.stop")
      session.disconnect()
      return profile
    },
  }
}

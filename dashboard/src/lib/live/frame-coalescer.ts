/** Runs a callback once the browser is about to draw: requestAnimationFrame, or at once without one. */
export type FrameScheduler = (run: () => void) => void

export const nextFrame: FrameScheduler = (run) => {
  if (typeof requestAnimationFrame === "function") requestAnimationFrame(() => run())
  else run()
}

export type FrameCoalescer = {
  /** something changed: run once before the next frame, however many changes come before it */
  request(): void
  /** run now if a run is owed (a snapshot or a drop must show at once, with what came before it) */
  flush(): void
  /** owe nothing: the screen was closed */
  cancel(): void
}

/**
 * A wall gets deltas faster than it draws frames (50 a second and more in a sale, in bursts of a
 * few in one millisecond). ScreenSync each one on its own costs a full update per delta, most of it
 * never seen: only the state at the next frame is. So changes are collected and shown once per
 * frame; the state itself stays exact, only its showing waits for the frame.
 */
export function frameCoalescer(run: () => void, schedule: FrameScheduler = nextFrame): FrameCoalescer {
  // Each request is one generation: a frame that was asked for before a flush or a cancel finds
  // its generation gone and does nothing.
  let owed: number | null = null
  let generation = 0
  const fire = () => {
    owed = null
    run()
  }
  return {
    request() {
      if (owed !== null) return
      const mine = ++generation
      owed = mine
      schedule(() => {
        if (owed === mine) fire()
      })
    },
    flush() {
      if (owed !== null) fire()
    },
    cancel() {
      owed = null
    },
  }
}

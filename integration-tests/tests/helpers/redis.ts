import Redis from "ioredis"
import { redisAnswers as answers } from "../../../plugin/src/test-support/redis"

/** Redis for the tests that need it: on CI it must answer (fail, don't skip); elsewhere skip loudly. */
export const TEST_REDIS_URL = process.env.ORDER_RHYTHM_TEST_REDIS_URL ?? "redis://127.0.0.1:6379/7"

export async function redisAnswers(url = TEST_REDIS_URL): Promise<boolean> {
  return answers(url)
}

export async function flushRedis(url = TEST_REDIS_URL) {
  const client = new Redis(url)
  await client.flushdb()
  await client.quit()
}

/**
 * Whether the tests of `what` can run: on CI Redis must answer (fail, don't skip); elsewhere
 * they are skipped, loudly. When it answers, the tests' database starts empty.
 */
export async function redisForTests(what: string): Promise<boolean> {
  const answers = await redisAnswers()
  if (!answers && process.env.CI === "true") {
    throw new Error(`Redis does not answer at ${TEST_REDIS_URL}, and on CI these tests must run`)
  }
  if (!answers) {
    console.warn(`\n*** SKIPPING ${what}: no Redis at ${TEST_REDIS_URL} ***\n`)
  } else {
    await flushRedis()
  }
  return answers
}

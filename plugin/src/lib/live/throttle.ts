/**
 * Leading-and-trailing throttle: a lone call runs at once; calls during the next `ms` are
 * folded into one run at the end of it, so a burst costs one run per window and the last
 * state always goes out. Runs never overlap.
 */
export function throttle(run: () => Promise<void>, ms: number, onError: (error: unknown) => void = () => {}) {
  let running = false
  let pending = false
  let timer: ReturnType<typeof setTimeout> | null = null
  let lastStart = -Infinity

  const start = () => {
    timer = null
    pending = false
    running = true
    lastStart = Date.now()
    run()
      .catch(onError)
      .finally(() => {
        running = false
        if (pending) schedule()
      })
  }

  const schedule = () => {
    if (running || timer) {
      pending = true
      return
    }
    const wait = lastStart + ms - Date.now()
    if (wait <= 0) {
      start()
    } else {
      pending = true
      timer = setTimeout(start, wait)
    }
  }

  return {
    trigger: schedule,
    cancel() {
      if (timer) clearTimeout(timer)
      timer = null
      pending = false
    },
  }
}

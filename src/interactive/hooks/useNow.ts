// A clock that ticks only while something on screen moves (spinners, elapsed times). Whether it
// moves is asked of the last tick's time, so rendering never reads the clock itself.
import { useEffect, useState } from "react";

export function useNow(moving: (now: number) => boolean, intervalMs = 100): number {
  const [now, setNow] = useState(() => Date.now());
  const active = moving(now);
  useEffect(() => {
    if (!active) return;
    const tick = () => setNow(Date.now());
    const first = setTimeout(tick, 0);
    const timer = setInterval(tick, intervalMs);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [active, intervalMs]);
  return now;
}

// A clock that ticks only while something on screen moves (spinners, elapsed times). Whether it
// moves is asked of the last tick's time, so rendering never reads the clock itself.
import { useEffect, useState } from "react";

export function useNow(moving: (now: number) => boolean, intervalMs = 100): number {
  const [now, setNow] = useState(() => Date.now());
  const active = moving(now);
  useEffect(() => {
    if (!active) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [active, intervalMs]);
  return now;
}

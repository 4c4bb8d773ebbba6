import { useEffect, useState } from 'react';

/** Which camera of a tour is showing: the next one every `seconds`, from the first. */
export function useTourIndex(length: number, seconds: number): number {
  const [index, setIndex] = useState(0);
  useEffect(() => {
    if (length < 2) return;
    const timer = setInterval(() => setIndex((i) => (i + 1) % length), seconds * 1000);
    return () => clearInterval(timer);
  }, [length, seconds]);
  return length > 0 ? index % length : 0;
}

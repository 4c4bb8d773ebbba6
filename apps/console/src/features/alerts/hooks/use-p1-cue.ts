import { useEffect, useRef, useState } from 'react';
import type { Alert } from '@c2/api-client/schemas/alert';

const MUTE_KEY = 'c2.alerts.muted';
let audio: AudioContext | null = null;

/** Two falling tones, loud enough for a control room, short enough not to mask speech. */
function chime(): void {
  const Ctx = typeof window === 'undefined' ? undefined : window.AudioContext;
  if (!Ctx) return;
  audio ??= new Ctx();
  void audio.resume().catch(() => undefined);
  const t = audio.currentTime;
  for (const [i, f] of [988, 740].entries()) {
    const osc = audio.createOscillator();
    const gain = audio.createGain();
    osc.frequency.value = f;
    gain.gain.setValueAtTime(0.0001, t + i * 0.18);
    gain.gain.exponentialRampToValueAtTime(0.25, t + i * 0.18 + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, t + i * 0.18 + 0.16);
    osc.connect(gain).connect(audio.destination);
    osc.start(t + i * 0.18);
    osc.stop(t + i * 0.18 + 0.17);
  }
}

/**
 * An audible cue when a new P1 alert reaches the queue (not for what was there when the page opened). Muting is
 * remembered per browser. `cues` counts the cues played, so a test can see that one was.
 */
export function useP1Cue(alerts: readonly Alert[] | undefined) {
  const [muted, setMuted] = useState(() => localStorage.getItem(MUTE_KEY) === '1');
  const [cues, setCues] = useState(0);
  const seen = useRef<Set<string> | null>(null);
  useEffect(() => {
    if (!alerts) return;
    if (!seen.current) {
      seen.current = new Set(alerts.map((a) => a.id));
      return;
    }
    const fresh = alerts.filter((a) => !seen.current!.has(a.id));
    for (const a of fresh) seen.current.add(a.id);
    if (fresh.some((a) => a.priority === 'P1' && a.status === 'open')) {
      setCues((n) => n + 1);
      if (!muted) chime();
    }
  }, [alerts, muted]);
  return {
    muted,
    cues,
    toggleMute() {
      setMuted((m) => {
        localStorage.setItem(MUTE_KEY, m ? '0' : '1');
        return !m;
      });
    },
  };
}

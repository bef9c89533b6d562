// Ctrl+C and SIGTERM: run the cleanup (stop the local server), then exit 130 / 143.
const EXIT_BY_SIGNAL = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;

export function onInterrupt(cleanup: () => Promise<void>): () => void {
  let busy = false;
  const handlers = Object.entries(EXIT_BY_SIGNAL).map(([signal, code]) => {
    const handler = () => {
      if (busy) return;
      busy = true;
      const timer = setTimeout(() => process.exit(code), 8_000);
      void cleanup().finally(() => {
        clearTimeout(timer);
        process.exit(code);
      });
    };
    process.on(signal, handler);
    return () => process.off(signal, handler);
  });
  return () => handlers.forEach((off) => off());
}

// A terminal on both ends means a person is watching: Ink must draw live frames even when CI
// variables leaked into the shell (in CI mode Ink prints only the last frame, at exit).
// Call before Ink is first imported.
export function drawLiveEvenInCi(env: NodeJS.ProcessEnv = process.env): void {
  for (const name of ["CI", "CONTINUOUS_INTEGRATION"]) if (name in env) env[name] = "0";
}

// Exit codes, defined once: the CLI returns them and --help and the README list them.
export const EXIT = {
  ok: 0,
  runFailed: 1,
  usage: 2,
  unreachable: 3,
  rejected: 4,
  waiting: 5,
  unknown: 6,
  hangup: 129,
  interrupted: 130,
  terminated: 143,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export const EXIT_HELP: ReadonlyArray<readonly [ExitCode, string]> = [
  [EXIT.ok, "every run ended the way its strategy intends"],
  [EXIT.runFailed, "a run ended in error, could not be sent, or --timeout passed"],
  [EXIT.usage, "bad usage or configuration (unknown strategy, assistant or thread, bad file)"],
  [EXIT.unreachable, "the deployment cannot be reached or refuses the credentials (also when it does so mid-session)"],
  [EXIT.rejected, "at least one message was rejected by the server"],
  [EXIT.waiting, "the agent is waiting for input: a question or breakpoint is still open (see --answer)"],
  [EXIT.unknown, "contact with the deployment was lost with runs in flight: they may still run there (see --thread)"],
  [EXIT.hangup, "the terminal went away (SIGHUP)"],
  [
    EXIT.interrupted,
    "stopped by Ctrl+C (SIGINT); stderr names the messages cut off, and with --json a last done event lists them",
  ],
  [EXIT.terminated, "stopped by SIGTERM, said as for SIGINT; runs sent to a remote deployment keep going there"],
];

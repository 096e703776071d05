// The exit codes of cli.md, shared by every command and the dashboard.
export const EXIT = { ok: 0, sourceErrors: 1, usage: 2, nothingLoaded: 3 } as const;

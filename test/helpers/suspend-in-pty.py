#!/usr/bin/env python3
"""Suspends the dashboard and brings it back, as a person at a shell would, and says what the
terminal looked like at each step (one JSON line on stdout).

    suspend-in-pty.py key|signal <command>...

node has no pseudo-terminal of its own; python's pty module is on every machine with python3.
A stopped process needs job control around it (SIGTSTP is ignored by a process group with no
shell above it), so the child of pty.fork() plays that shell: it runs the command in a process
group of its own, in the foreground of the terminal, says "[stopped]" when the command stops,
and on a line "fg" puts it back in the foreground and continues it.
"""
import fcntl
import json
import os
import pty
import re
import select
import signal
import struct
import sys
import termios
import time

ANSI = re.compile(rb"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_]")
LEAVE_ALTERNATE = b"\x1b[?1049l"
ENTER_ALTERNATE = b"\x1b[?1049h"
SHOW_CURSOR = b"\x1b[?25h"


def shell(argv):
    signal.signal(signal.SIGTTOU, signal.SIG_IGN)
    job = os.fork()
    if job == 0:
        os.setpgid(0, 0)
        os.tcsetpgrp(0, os.getpgrp())
        signal.signal(signal.SIGTTOU, signal.SIG_DFL)
        os.execvp(argv[0], argv)
    os.setpgid(job, job)
    try:
        os.tcsetpgrp(0, job)
    except OSError:
        pass
    os.write(1, b"[job %d]\r\n" % job)
    while True:
        _, status = os.waitpid(job, os.WUNTRACED)
        if os.WIFSTOPPED(status):
            os.tcsetpgrp(0, os.getpgrp())
            os.write(1, b"\r\n[stopped]\r\n")
            sys.stdin.readline()
            os.tcsetpgrp(0, job)
            os.killpg(job, signal.SIGCONT)
        else:
            os._exit(os.WEXITSTATUS(status) if os.WIFEXITED(status) else 99)


def main():
    via, argv = sys.argv[1], sys.argv[2:]
    pid, master = pty.fork()
    if pid == 0:
        shell(argv)
    fcntl.ioctl(master, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    seen = bytearray()

    closed = []

    def read_until(predicate, seconds=30):
        deadline = time.monotonic() + seconds
        while not predicate():
            left = deadline - time.monotonic()
            if left <= 0:
                return False
            if closed:
                # The terminal is closed (every process on it has ended): only the exit is left to see.
                time.sleep(min(left, 0.05))
                continue
            # Short waits: a change of terminal mode comes with no output to wake on.
            ready, _, _ = select.select([master], [], [], min(left, 0.05))
            if ready:
                try:
                    chunk = os.read(master, 65536)
                except OSError:
                    chunk = b""
                if not chunk:
                    closed.append(True)
                seen.extend(chunk)
        return True

    def canonical():
        return bool(termios.tcgetattr(master)[3] & termios.ICANON)

    report = {}
    report["ready"] = read_until(lambda: b"Milestones" in ANSI.sub(b"", bytes(seen)))
    job = int(re.search(rb"\[job (\d+)\]", bytes(seen)).group(1))
    # Keys are read once Ink has the terminal in raw mode (a key typed before that waits in
    # the line buffer for a newline, as in any program).
    read_until(lambda: not canonical())
    mark = len(seen)
    if via == "key":
        os.write(master, b"\x1a")
    else:
        os.kill(job, signal.SIGTSTP)
    report["stopped"] = read_until(lambda: b"[stopped]" in seen[mark:])
    suspended = bytes(seen[mark:])
    report["leftAlternateScreen"] = LEAVE_ALTERNATE in suspended
    report["showedCursor"] = SHOW_CURSOR in suspended
    report["cookedWhileStopped"] = canonical()
    mark = len(seen)
    os.write(master, b"fg\n")
    report["backOnAlternateScreen"] = read_until(lambda: ENTER_ALTERNATE in seen[mark:])
    back = mark + bytes(seen[mark:]).find(ENTER_ALTERNATE)
    report["redrawn"] = read_until(lambda: b"Milestones" in ANSI.sub(b"", bytes(seen[back:])))
    report["rawAfterFg"] = read_until(lambda: not canonical(), 10)
    os.write(master, b"q")
    ended = {}

    def exited():
        if not ended:
            done, status = os.waitpid(pid, os.WNOHANG)
            if done == pid:
                ended["status"] = status
        return bool(ended)

    if not read_until(exited, 20):
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    status = ended.get("status")
    report["exitCode"] = os.WEXITSTATUS(status) if status is not None and os.WIFEXITED(status) else None
    print(json.dumps(report))


main()

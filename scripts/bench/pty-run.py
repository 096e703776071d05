#!/usr/bin/env python3
"""One timed run of a command for scripts/bench.mjs, in a pseudo-terminal or behind a pipe.

node has no pseudo-terminal of its own (node-pty is a native add-on we do not install), and
python's pty module is on every machine that has python3. The run is described by one JSON
argument and reported as one JSON line on stdout:

  {"mode": "pty" | "pipe", "argv": [...], "env": {...}, "cwd": "...",
   "cols": 120, "rows": 40, "timeoutMs": 60000,
   "ready": {"regex": "..."} | "exit",     # first complete frame: output matches, or the exit
   "settleQuietMs": 300,                   # after ready: wait until output is quiet this long
   "keys": {"key": "j", "count": 3, "quietMs": 50, "timeoutMs": 2000},   # optional
   "observeMs": 2000,                      # optional: bytes written while idle (ticks)
   "quit": "q", "quitTimeoutMs": 2000,
   "freshDirs": ["RADAR_CACHE_DIR"]}      # optional: env vars set to a new empty folder for this run

Times are milliseconds from just before fork. Peak memory is the child's ru_maxrss from
wait4, which the kernel keeps for exactly that process.
"""
import errno
import fcntl
import json
import os
import re
import select
import shutil
import signal
import struct
import sys
import tempfile
import termios
import time

# CSI, OSC and two-byte escapes: removed before looking for the ready marker, because a
# coloured heading has escapes between its words.
ANSI = re.compile(rb"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_]")


def now_ms(t0):
    return (time.perf_counter() - t0) * 1000.0


class Run:
    def __init__(self, spec):
        self.spec = spec
        self.out = bytearray()
        self.pattern = None  # the ready marker, searched as output arrives
        self.matched = False
        self.plain = bytearray()  # output without escapes, kept only until the marker matched
        self.carry = b""  # an escape sequence cut in two by a read
        self.err = bytearray()
        self.chunks = []  # (ms, length)
        self.pid = None
        self.status = None
        self.rusage = None
        self.t0 = None
        self.fd = None  # pty master, or stdout pipe
        self.err_fd = None

    # -- starting -------------------------------------------------------------------------

    def start(self):
        spec = self.spec
        env = spec.get("env") or dict(os.environ)
        argv = spec["argv"]
        cwd = spec.get("cwd")
        if spec["mode"] == "pty":
            cols, rows = spec.get("cols", 120), spec.get("rows", 40)
            self.t0 = time.perf_counter()
            pid, fd = os.forkpty()
            if pid == 0:
                try:
                    # The size is set on the child's own terminal before exec, so the program
                    # never sees a 0×0 window.
                    fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
                    if cwd:
                        os.chdir(cwd)
                    os.execvpe(argv[0], argv, env)
                except BaseException as error:  # noqa: BLE001 - report and leave the fork
                    os.write(2, f"exec {argv[0]}: {error}\n".encode())
                finally:
                    os._exit(127)
            self.pid, self.fd = pid, fd
        else:
            out_r, out_w = os.pipe()
            err_r, err_w = os.pipe()
            self.t0 = time.perf_counter()
            pid = os.fork()
            if pid == 0:
                try:
                    devnull = os.open(os.devnull, os.O_RDONLY)
                    os.dup2(devnull, 0)
                    os.dup2(out_w, 1)
                    os.dup2(err_w, 2)
                    for fd in (out_r, err_r, out_w, err_w, devnull):
                        os.close(fd)
                    if cwd:
                        os.chdir(cwd)
                    os.execvpe(argv[0], argv, env)
                except BaseException as error:  # noqa: BLE001
                    os.write(2, f"exec {argv[0]}: {error}\n".encode())
                finally:
                    os._exit(127)
            os.close(out_w)
            os.close(err_w)
            self.pid, self.fd, self.err_fd = pid, out_r, err_r

    # -- reading --------------------------------------------------------------------------

    def pump(self, timeout_ms):
        """Reads what is available within timeout_ms. Returns False once output has ended."""
        fds = [fd for fd in (self.fd, self.err_fd) if fd is not None]
        if not fds:
            return False
        ready, _, _ = select.select(fds, [], [], max(0.0, timeout_ms) / 1000.0)
        for fd in ready:
            try:
                data = os.read(fd, 65536)
            except OSError as error:
                if error.errno != errno.EIO:  # EIO: the pty's other side closed
                    raise
                data = b""
            if fd == self.err_fd:
                if data:
                    self.err += data
                else:
                    os.close(fd)
                    self.err_fd = None
                continue
            if not data:
                os.close(fd)
                self.fd = None
                continue
            self.chunks.append((now_ms(self.t0), len(data)))
            self.out += data
            if self.pattern is not None and not self.matched:
                self.match_marker(data)
        return self.fd is not None

    def match_marker(self, data):
        buffer = self.carry + data
        cut = buffer.rfind(b"\x1b")
        if cut != -1 and len(buffer) - cut < 256 and ANSI.match(buffer, cut) is None:
            self.carry, buffer = buffer[cut:], buffer[:cut]
        else:
            self.carry = b""
        seen = len(self.plain)
        self.plain += ANSI.sub(b"", buffer)
        # A match must end in the new text; 64 KiB of plain text before it is more than any
        # 120×40 frame, so the search stays linear however much a program writes.
        self.matched = self.pattern.search(bytes(self.plain[max(0, seen - 65536):])) is not None

    def reap(self, block):
        if self.status is not None:
            return True
        pid, status, rusage = os.wait4(self.pid, 0 if block else os.WNOHANG)
        if pid == 0:
            return False
        self.status, self.rusage = status, rusage
        self.exit_ms = now_ms(self.t0)
        return True

    def alive(self):
        return not self.reap(False)

    def read_until(self, predicate, deadline_ms):
        """Reads until predicate() holds, output ends, or the deadline passes."""
        while not predicate():
            left = deadline_ms - now_ms(self.t0)
            if left <= 0:
                return False
            if not self.pump(min(left, 50)) and self.fd is None:
                return predicate()
        return True

    def read_until_quiet(self, quiet_ms, deadline_ms):
        """Reads until no output came for quiet_ms; returns the time of the last byte seen."""
        last = self.chunks[-1][0] if self.chunks else 0.0
        while True:
            now = now_ms(self.t0)
            left = min(quiet_ms - (now - last), deadline_ms - now)
            if left <= 0 or self.fd is None:
                return last
            before = len(self.chunks)
            self.pump(left)
            if len(self.chunks) > before:
                last = self.chunks[-1][0]

    def send(self, text):
        if self.fd is not None and self.spec["mode"] == "pty":
            os.write(self.fd, text.encode())

    # -- stopping -------------------------------------------------------------------------

    def stop(self, quit_key, quit_timeout_ms):
        if self.status is None and quit_key:
            self.send(quit_key)
            deadline = now_ms(self.t0) + quit_timeout_ms
            while self.alive() and now_ms(self.t0) < deadline:
                self.pump(20)
        for sig in (signal.SIGTERM, signal.SIGKILL):
            if self.status is not None:
                break
            try:
                os.kill(self.pid, sig)
            except ProcessLookupError:
                pass
            deadline = now_ms(self.t0) + 1000
            while self.alive() and now_ms(self.t0) < deadline:
                self.pump(20)
        self.reap(True)
        while self.fd is not None or self.err_fd is not None:
            if not self.pump(50) and self.err_fd is None:
                break


def run(spec):
    result = {"ok": False, "reason": None}
    job = Run(spec)
    try:
        job.start()
    except OSError as error:
        return {"ok": False, "reason": f"could not start {spec['argv'][0]}: {error}"}
    timeout_ms = spec.get("timeoutMs", 60000)
    ready = spec.get("ready", "exit")
    try:
        if ready == "exit":
            job.read_until(lambda: job.fd is None, timeout_ms)
            if job.fd is None:
                job.reap(True)
                result["firstFrameMs"] = job.exit_ms
            else:
                result["reason"] = f"still running after {timeout_ms / 1000:g} s"
                result["timedOut"] = True
        else:
            job.pattern = re.compile(ready["regex"].encode())
            found = job.read_until(lambda: job.matched, timeout_ms)
            if found:
                # The chunk that completed the match is the moment the frame was complete.
                result["firstFrameMs"] = job.chunks[-1][0]
                result["firstFrameBytes"] = len(job.out)
                settle = spec.get("settleQuietMs", 300)
                result["settledMs"] = job.read_until_quiet(settle, timeout_ms)
                result["settledBytes"] = len(job.out)
            elif job.fd is None:
                result["reason"] = "exited before showing " + json.dumps(ready["regex"])
            else:
                result["reason"] = f"no {json.dumps(ready['regex'])} within {timeout_ms / 1000:g} s"
                result["timedOut"] = True

        if "firstFrameMs" in result and spec.get("keys") and job.fd is not None:
            keys = spec["keys"]
            frames, first_bytes = [], []
            for _ in range(keys.get("count", 1)):
                if not job.alive():
                    result["keysReason"] = "the program exited after its first frame (not interactive)"
                    break
                before = len(job.chunks)
                sent = now_ms(job.t0)
                job.send(keys["key"])
                if not job.read_until(lambda: len(job.chunks) > before, sent + keys.get("timeoutMs", 2000)):
                    result["keysReason"] = f"no redraw within {keys.get('timeoutMs', 2000) / 1000:g} s of pressing {keys['key']!r}"
                    break
                first_bytes.append(job.chunks[before][0] - sent)
                last = job.read_until_quiet(keys.get("quietMs", 50), sent + keys.get("timeoutMs", 2000))
                frames.append(last - sent)
                job.read_until_quiet(keys.get("pauseMs", 150), now_ms(job.t0) + 2000)
            result["keyFrameMs"] = frames
            result["keyFirstByteMs"] = first_bytes
        elif "firstFrameMs" in result and spec.get("keys"):
            result["keysReason"] = "the program exited after its first frame (not interactive)"

        if "firstFrameMs" in result and spec.get("observeMs") and job.fd is not None and job.alive():
            start = now_ms(job.t0)
            before_chunks, before_bytes = len(job.chunks), len(job.out)
            while now_ms(job.t0) - start < spec["observeMs"] and job.fd is not None:
                job.pump(start + spec["observeMs"] - now_ms(job.t0))
            chunks = job.chunks[before_chunks:]
            # Chunks closer than 30 ms apart belong to one redraw.
            bursts, last = 0, None
            for ms, _ in chunks:
                if last is None or ms - last > 30:
                    bursts += 1
                last = ms
            result["observed"] = {"ms": now_ms(job.t0) - start, "bytes": len(job.out) - before_bytes, "redraws": bursts}
    finally:
        job.stop(spec.get("quit"), spec.get("quitTimeoutMs", 2000))

    if job.rusage is not None:
        result["maxRssKiB"] = job.rusage.ru_maxrss
    if job.status is not None:
        if os.WIFEXITED(job.status):
            result["exitCode"] = os.WEXITSTATUS(job.status)
        elif os.WIFSIGNALED(job.status):
            result["signal"] = os.WTERMSIG(job.status)
    result["outputBytes"] = len(job.out)
    # Enough to hold a stack trace's first line, which says what went wrong.
    result["stdoutTail"] = ANSI.sub(b"", bytes(job.out[-8000:]))[-2000:].decode("utf-8", "replace")
    result["stderrTail"] = bytes(job.err[-2000:]).decode("utf-8", "replace")
    if spec.get("captureStdout"):
        result["stdout"] = bytes(job.out).decode("utf-8", "replace")
    if ready == "exit" and "firstFrameMs" in result and result.get("exitCode", 0) != 0 and not spec.get("allowFailure"):
        result["reason"] = f"exit code {result.get('exitCode')}" + (f" (signal {result['signal']})" if "signal" in result else "")
        del result["firstFrameMs"]
    result["ok"] = "firstFrameMs" in result
    return result


def main():
    if len(sys.argv) != 2:
        sys.stderr.write("usage: pty-run.py '<json spec>'\n")
        return 2
    spec = json.loads(sys.argv[1])
    fresh = [tempfile.mkdtemp(prefix="radar-bench-fresh-") for _ in spec.get("freshDirs", [])]
    if fresh:
        spec["env"] = {**(spec.get("env") or os.environ), **dict(zip(spec["freshDirs"], fresh))}
    try:
        result = run(spec)
    finally:
        for folder in fresh:
            shutil.rmtree(folder, ignore_errors=True)
    sys.stdout.write(json.dumps(result) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())

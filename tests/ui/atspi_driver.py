"""A small driver for CareGuard's window through the accessibility tree.

Widgets are found by role and accessible name, as a screen reader would
find them; text goes in through AT-SPI's EditableText, buttons are pressed
through their "click" action.  Used by the UI tests under Xvfb.
"""
import os
import signal
import subprocess
import time

import pyatspi


class UiError(AssertionError):
    pass


def walk(node):
    """Yields node and every descendant (depth first)."""
    stack = [node]
    while stack:
        cur = stack.pop()
        if cur is None:
            continue
        yield cur
        try:
            count = cur.childCount
        except Exception:
            continue
        for i in range(count - 1, -1, -1):
            try:
                stack.append(cur.getChildAtIndex(i))
            except Exception:
                pass


def is_showing(node):
    # GTK 4.8 sets "showing" on windows only; "visible" is what it keeps
    # up to date for widgets (a hidden widget or stack page loses it).
    try:
        return node.getState().contains(pyatspi.STATE_VISIBLE)
    except Exception:
        return False


def describe(node, depth=0, out=None):
    out = [] if out is None else out
    try:
        out.append("%s%s %r%s" % ("  " * depth, node.getRoleName(), node.name,
                                   "" if is_showing(node) else " (hidden)"))
        for i in range(node.childCount):
            describe(node.getChildAtIndex(i), depth + 1, out)
    except Exception:
        pass
    return out


class App:
    """One running careguard process."""

    def __init__(self, binary, db, lang="C.UTF-8", language="C", extra_env=None):
        env = dict(os.environ)
        env.update({
            "GSK_RENDERER": "cairo",
            "GSETTINGS_BACKEND": "memory",
            "LANG": lang,
            "LC_ALL": lang,
            "LANGUAGE": language,
            "NO_AT_BRIDGE": "0",
            "GTK_A11Y": "atspi",
        })
        env.update(extra_env or {})
        self.proc = subprocess.Popen([binary, "--db", db], env=env)
        self.root = None
        self.wait(lambda: self._find_app() is not None, 30, "the application on the accessibility bus")

    def _find_app(self):
        desktop = pyatspi.Registry.getDesktop(0)
        for i in range(desktop.childCount):
            try:
                app = desktop.getChildAtIndex(i)
                if app is None:
                    continue
                if app.get_process_id() == self.proc.pid:
                    self.root = app
                    return app
            except Exception:
                continue
        return None

    def wait(self, predicate, timeout=15, what="condition"):
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            if self.proc.poll() is not None:
                raise UiError("careguard exited (%s) while waiting for %s" % (self.proc.returncode, what))
            try:
                result = predicate()
            except Exception:
                result = None
            if result:
                return result
            time.sleep(0.2)
        tree = "\n".join(describe(self.root)) if self.root is not None else "(no tree)"
        raise UiError("timed out waiting for %s\n%s" % (what, tree))

    def find_all(self, role=None, name=None, showing=True):
        found = []
        for node in walk(self.root):
            try:
                if role is not None and node.getRoleName() != role:
                    continue
                if name is not None and node.name != name:
                    continue
                if showing and not is_showing(node):
                    continue
                found.append(node)
            except Exception:
                continue
        return found

    def find(self, role=None, name=None, timeout=15, showing=True):
        return self.wait(lambda: (self.find_all(role, name, showing) or [None])[0],
                         timeout, "%s %r" % (role or "widget", name))

    def exists(self, role=None, name=None):
        return bool(self.find_all(role, name))

    def set_text(self, name, text, role="text"):
        node = self.find(role, name)
        node.queryEditableText().setTextContents(text)
        return node

    def text_of(self, node):
        t = node.queryText()
        return t.getText(0, t.characterCount)

    def click(self, name, role="push button"):
        node = self.find(role, name)
        self.wait(lambda: node.getState().contains(pyatspi.STATE_SENSITIVE), 10,
                  "%r to become sensitive" % name)
        action = node.queryAction()
        for i in range(action.nActions):
            if action.getName(i) in ("click", "press", "activate"):
                action.doAction(i)
                return node
        action.doAction(0)
        return node

    def open_page(self, name):
        """Selects a page in the window's sidebar by its title."""
        row = self.find("list item", name, timeout=30)
        row.parent.querySelection().selectChild(row.getIndexInParent())
        return row

    def is_sensitive(self, name, role="push button"):
        node = self.find(role, name)
        return node.getState().contains(pyatspi.STATE_SENSITIVE)

    def quit(self):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()

"""The browser editor's local backend: Decap CMS's proxy protocol, answered by the preview itself.

On their own computer an editor works in /admin/ of the preview (`wegwijzer
bekijken`). Decap CMS saves through its "local backend": it POSTs JSON such as
`{"action": "persistEntry", "params": {...}}` to a URL in its configuration
(`local_backend.url`). Decap ships a Node server for that (`decap-server`), but it
listens on every network interface, answers any Host and Origin and writes
wherever a path points. This module answers the same protocol inside the
preview server, which already runs, so there is no second server at all, and it
is narrow by construction:

- it is reached only through the preview's guard (`preview_guard.py`): the
  server listens on 127.0.0.1, and a request with another Host or Origin, or
  without JSON, never gets here;
- it reads and writes only regular files under the guide's own folders (the
  catalogus and the docs folder), by a relative path without `..`, without a
  link on the way, with a suffix from a short list;
- it writes a file whole (a temporary file renamed into place), so the preview
  never builds from half a file;
- it never deletes an entry (the collections do not allow it): only an image or
  document in the media folder, as Decap's media library does;
- a `[[soort:id]]` link that Decap's rich-text mode escaped (`\\[[…]]`) is saved
  as the editor typed it.

The actions and their answers follow decap-server's `localFs` middleware
(decap-server 3.x, MIT), which is the contract Decap CMS expects.
"""

from __future__ import annotations

import base64
import hashlib
import os
import re
import stat
import tempfile
import threading
from pathlib import Path, PurePosixPath

#: What an editor may save: the catalogus' and pages' text, and images and documents for the media folder.
TEXT_SUFFIXES = {".yml", ".yaml", ".md"}
MEDIA_SUFFIXES = {".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg", ".pdf"}
#: A saved file larger than this is refused: a photo for a page is far smaller.
MAX_FILE_BYTES = 10 * 1024 * 1024

#: `\[[knelpunt:x]]`, `\[\[knelpunt:x\]\]`: a link Decap's rich-text editor escaped while saving.
_ESCAPED_LINK = re.compile(r"\\\[\\?\[([a-z]+:[^\]\s\\]+)\\?\]\\?\]")


class Refused(Exception):
    """A request the backend does not carry out; the message is Dutch, for the editor."""

    def __init__(self, message: str, status: int = 403):
        super().__init__(message)
        self.status = status


def repair_links(text: str) -> str:
    """`\\[[soort:id]]` as Decap's rich text saves it -> `[[soort:id]]` as the editor typed it."""
    return _ESCAPED_LINK.sub(r"[[\1]]", text)


class LocalBackend:
    """Decap's local backend for the guide in `root`, limited to `folders` (relative to root)."""

    def __init__(self, root: Path, folders: list[str], media_folder: str):
        self.root = Path(os.path.realpath(root))
        self.folders = [PurePosixPath(f) for f in folders]
        self.media = PurePosixPath(media_folder)
        self.lock = threading.Lock()

    # -- paths ---------------------------------------------------------------------------

    def _path(self, value, *, media: bool = False, new: bool = False) -> Path:
        """The file `value` names, or Refused: relative, inside an allowed folder, no link on the way."""
        if not isinstance(value, str) or not value or "\x00" in value or "\\" in value:
            raise Refused("Dit pad is niet toegestaan.")
        rel = PurePosixPath(value)
        if rel.is_absolute() or any(part in ("..", ".", "") for part in rel.parts):
            raise Refused(f"{value}: alleen een pad binnen de Wegwijzer is toegestaan.")
        allowed = [self.media] if media else self.folders
        if not any(rel == folder or folder in rel.parents for folder in allowed):
            where = " of ".join(str(f) for f in allowed)
            raise Refused(f"{value}: de editor bewaart alleen in {where}.")
        path = self.root.joinpath(*rel.parts)
        # every folder on the way must be a real folder in the project, not a link to elsewhere
        current = self.root
        for part in rel.parts[:-1]:
            current = current / part
            try:
                info = os.lstat(current)
            except FileNotFoundError:
                if new:
                    break
                raise Refused(f"{value}: bestaat niet.", 404) from None
            if not stat.S_ISDIR(info.st_mode):
                raise Refused(f"{value}: een map op dit pad is een koppeling of bestand; de editor volgt die niet.")
        try:
            info = os.lstat(path)
        except FileNotFoundError:
            if not new:
                raise Refused(f"{value}: bestaat niet.", 404) from None
        else:
            if not stat.S_ISREG(info.st_mode) and not (stat.S_ISDIR(info.st_mode) and not new):
                raise Refused(f"{value}: dit is geen gewoon bestand; de editor leest en schrijft alleen gewone bestanden.")
        return path

    def _writable(self, value, *, media: bool = False) -> Path:
        suffix = PurePosixPath(value).suffix.lower() if isinstance(value, str) else ""
        allowed = MEDIA_SUFFIXES if media else TEXT_SUFFIXES | MEDIA_SUFFIXES
        if suffix not in allowed:
            raise Refused(f"{value}: dit soort bestand bewaart de editor niet (wel: {', '.join(sorted(allowed))}).")
        return self._path(value, media=media or suffix in MEDIA_SUFFIXES, new=True)

    def _relative(self, path: Path) -> str:
        return path.relative_to(self.root).as_posix()

    # -- reading -------------------------------------------------------------------------

    def _entry(self, value: str, label=None) -> dict:
        try:
            path = self._path(value)
            data = path.read_bytes()
        except (Refused, OSError):
            return {"data": None, "file": {"path": value, "label": label, "id": None}}
        return {"data": data.decode("utf-8", "replace"), "file": {"path": value, "label": label, "id": hashlib.sha256(data).hexdigest()}}

    def _list(self, folder: str, extension: str, depth: int) -> list[str]:
        try:
            start = self._path(folder, media=PurePosixPath(folder) == self.media or self.media in PurePosixPath(folder).parents)
        except Refused as refused:
            if refused.status == 404:
                return []
            raise
        found = []
        for dirpath, dirnames, filenames in os.walk(start):  # os.walk does not follow links to folders
            level = len(Path(dirpath).relative_to(start).parts)
            if level + 1 >= max(depth, 1):
                dirnames[:] = []
            for name in sorted(filenames):
                path = Path(dirpath) / name
                if name.endswith(extension) and not name.startswith(".") and stat.S_ISREG(os.lstat(path).st_mode):
                    found.append(self._relative(path))
        return found

    def _media(self, value: str) -> dict:
        path = self._path(value, media=True)
        data = path.read_bytes()
        return {"id": hashlib.sha256(data).hexdigest(), "content": base64.b64encode(data).decode("ascii"),
                "encoding": "base64", "path": value, "name": path.name}

    # -- writing -------------------------------------------------------------------------

    def _write(self, value: str, data: bytes, *, media: bool = False) -> None:
        if len(data) > MAX_FILE_BYTES:
            raise Refused(f"{value}: dit bestand is groter dan {MAX_FILE_BYTES // (1024 * 1024)} MB; maak het kleiner.", 413)
        path = self._writable(value, media=media)
        path.parent.mkdir(parents=True, exist_ok=True)
        self._path(value, media=media or path.suffix.lower() in MEDIA_SUFFIXES, new=True)  # again, now the folders exist
        handle, temporary = tempfile.mkstemp(prefix=".opslaan-", dir=path.parent)
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            os.chmod(temporary, 0o644)
            os.replace(temporary, path)
        except BaseException:
            if os.path.exists(temporary):
                os.unlink(temporary)
            raise

    @staticmethod
    def _text(raw) -> bytes:
        if not isinstance(raw, str):
            raise Refused("De inhoud ontbreekt.", 422)
        return repair_links(raw).encode("utf-8")

    @staticmethod
    def _bytes(asset) -> bytes:
        if not isinstance(asset, dict) or asset.get("encoding") != "base64" or not isinstance(asset.get("content"), str):
            raise Refused("Een bestand zonder inhoud.", 422)
        try:
            return base64.b64decode(asset["content"], validate=True)
        except ValueError:
            raise Refused("Een bestand met onleesbare inhoud.", 422) from None

    # -- the protocol ----------------------------------------------------------------------

    def handle(self, body) -> object:
        """The answer to one request of Decap CMS, or Refused."""
        if not isinstance(body, dict) or not isinstance(body.get("action"), str):
            raise Refused("Een verzoek zonder actie.", 422)
        params = body.get("params") or {}
        if not isinstance(params, dict):
            raise Refused("Een verzoek zonder gegevens.", 422)
        action = body["action"]
        if action == "info":
            return {"repo": self.root.name, "publish_modes": ["simple"], "type": "local_fs"}
        if action == "entriesByFolder":
            files = self._list(params.get("folder"), str(params.get("extension") or ""), int(params.get("depth") or 1))
            return [self._entry(name) for name in files]
        if action == "entriesByFiles":
            return [self._entry(f.get("path"), f.get("label")) for f in params.get("files") or [] if isinstance(f, dict)]
        if action == "getEntry":
            return self._entry(params.get("path"))
        if action == "persistEntry":
            entry = params.get("entry")
            data_files = params.get("dataFiles") or ([entry] if entry else [])
            with self.lock:
                for data_file in data_files:
                    if not isinstance(data_file, dict):
                        raise Refused("Een verzoek zonder bestand.", 422)
                    target = data_file.get("newPath") or data_file.get("path")
                    self._write(target, self._text(data_file.get("raw")))
                    if data_file.get("newPath") and data_file.get("newPath") != data_file.get("path"):
                        old = self._path(data_file.get("path"), new=True)
                        if old.is_file():
                            old.unlink()  # renamed: the same entry under its new name
                for asset in params.get("assets") or []:
                    self._write(asset.get("path"), self._bytes(asset), media=True)
            return {"message": "entry persisted"}
        if action == "getMedia":
            return [self._media(name) for name in self._list(params.get("mediaFolder"), "", 1)]
        if action == "getMediaFile":
            return self._media(params.get("path"))
        if action == "persistMedia":
            asset = params.get("asset")
            with self.lock:
                self._write(asset.get("path") if isinstance(asset, dict) else None, self._bytes(asset), media=True)
            return self._media(asset["path"])
        if action in ("deleteFile", "deleteFiles"):
            paths = params.get("paths") if action == "deleteFiles" else [params.get("path")]
            with self.lock:
                for value in paths or []:
                    path = self._path(value, media=True, new=True)
                    if path.suffix.lower() not in MEDIA_SUFFIXES:
                        raise Refused(f"{value}: de editor verwijdert alleen afbeeldingen en documenten.")
                    if path.is_file():
                        path.unlink()
            return {"message": "deleted"}
        if action == "getDeployPreview":
            return None
        raise Refused(f"Onbekende actie {action!r}: de editor kent alleen opslaan en lezen.", 422)

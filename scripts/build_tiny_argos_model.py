"""Build a tiny but genuine Argos Translate package (.argosmodel) with no downloads.

The package holds what a real one holds: a SentencePiece model trained here on a small corpus, a
CTranslate2 Transformer saved through `ctranslate2.specs`, and `metadata.json`. The Transformer's
weights are crafted rather than trained, so it behaves like a word-by-word dictionary: each source
piece cross-attends to exactly one source position (one-hot position encodings) and the attention's
value projection maps that piece to its dictionary translation; pieces outside the dictionary are
copied. "the cat needs water." becomes "el gato necesita agua." through the real code path
(tokenize, translate_batch, detokenize), deterministically, in about a megabyte.

Usage: python scripts/build_tiny_argos_model.py [OUT.argosmodel] [--from en] [--to es]
"""

from __future__ import annotations

import argparse
import io
import json
import string
import tempfile
import zipfile
from collections.abc import Mapping
from pathlib import Path

import ctranslate2
import numpy as np
import sentencepiece as spm
from ctranslate2.specs import TransformerSpec

# A small science vocabulary, English -> Spanish; other pairs reuse it (see dictionary_for).
EN_ES: Mapping[str, str] = {
    "the": "el", "a": "un", "cat": "gato", "dog": "perro", "plant": "planta", "plants": "plantas",
    "sun": "sol", "water": "agua", "ecosystem": "ecosistema", "is": "es", "big": "grande",
    "small": "pequeño", "needs": "necesita", "light": "luz", "animals": "animales",
    "eat": "comen", "energy": "energía", "food": "comida", "chain": "cadena", "river": "río",
    "tree": "árbol", "all": "todos", "living": "vivos", "things": "seres", "in": "en",
    "one": "un", "place": "lugar", "and": "y", "of": "de", "from": "del", "gets": "obtiene",
}  # fmt: skip
EN_FR: Mapping[str, str] = {
    "the": "le", "a": "un", "cat": "chat", "dog": "chien", "plant": "plante", "sun": "soleil",
    "water": "eau", "ecosystem": "écosystème", "is": "est", "big": "grand", "needs": "besoin",
    "light": "lumière", "tree": "arbre", "river": "rivière", "and": "et",
}  # fmt: skip
NAMES = {"en": "English", "es": "Spanish", "fr": "French"}
POSITIONS = 64  # longest sentence (in pieces, with </s>) the crafted attention can align
GAIN = 8.0  # sharpens attention and output so beam search always agrees with greedy decoding


def dictionary_for(from_code: str, to_code: str) -> dict[str, str]:
    """Return the word dictionary for a pair: en->es, en->fr, their inverses, else en->es."""
    if (from_code, to_code) == ("en", "fr"):
        return dict(EN_FR)
    if (from_code, to_code) == ("es", "en"):
        return {es: en for en, es in EN_ES.items()}
    if (from_code, to_code) == ("fr", "en"):
        return {fr: en for en, fr in EN_FR.items()}
    return dict(EN_ES)


def train_sentencepiece(words: list[str]) -> bytes:
    """Train a BPE SentencePiece model in which every dictionary word is one piece."""
    corpus = [" ".join(words[i:] + words[:i]) + " . , ! ? ; :" for i in range(len(words))]
    corpus.append(" ".join(string.ascii_lowercase + string.digits + "áéíóúñüèàçêœ'-"))
    size = len(set(words)) + 60
    while True:
        model = io.BytesIO()
        spm.SentencePieceTrainer.train(
            sentence_iterator=iter(corpus), model_writer=model, model_type="bpe",
            vocab_size=size, character_coverage=1.0, normalization_rule_name="nmt_nfkc_cf",
            unk_id=0, bos_id=1, eos_id=2, pad_id=-1, hard_vocab_limit=False, minloglevel=2)
        processor = spm.SentencePieceProcessor(model_proto=model.getvalue())
        if all(processor.encode(w, out_type=str) == ["▁" + w] for w in words):
            return model.getvalue()
        size += 20


def _linear(rows: int, cols: int) -> np.ndarray:
    return np.zeros((rows, cols), dtype=np.float32)


def build_spec(vocab: list[str], mapping: Mapping[int, int]) -> TransformerSpec:
    """Craft a 1-layer Transformer that maps each source piece id through `mapping`."""
    size = len(vocab)
    dim = size + POSITIONS  # token one-hots first, then position one-hots
    spec = TransformerSpec.from_config(num_layers=1, num_heads=1)
    spec.config.add_source_eos = True  # the source </s> tells the decoder where to stop
    positions = np.zeros((POSITIONS * 4, dim), dtype=np.float32)
    for row in range(positions.shape[0]):
        positions[row, size + row % POSITIONS] = 1.0
    ones, zeros = np.ones(dim, dtype=np.float32), np.zeros(dim, dtype=np.float32)
    for side in (spec.encoder, spec.decoder):
        side.scale_embeddings = False
        side.position_encodings.encodings = positions
        side.layer_norm.gamma, side.layer_norm.beta = ones, zeros
        layer = side.layer[0]
        for norm in (layer.self_attention.layer_norm, layer.ffn.layer_norm):
            norm.gamma, norm.beta = ones, zeros
        # Self-attention and feed-forward add nothing: their output projections are zero.
        layer.self_attention.linear[0].weight = _linear(3 * dim, dim)
        layer.self_attention.linear[1].weight = _linear(dim, dim)
        layer.ffn.linear_0.weight = _linear(4, dim)
        layer.ffn.linear_1.weight = _linear(dim, 4)
    spec.encoder.embeddings[0].weight = np.eye(size, dim, dtype=np.float32)
    spec.decoder.embeddings.weight = _linear(size, dim)  # the decoder reads positions only
    cross = spec.decoder.layer[0].attention
    cross.layer_norm.gamma, cross.layer_norm.beta = ones, zeros
    query = _linear(dim, dim)
    query[size:, size:] = GAIN * np.eye(POSITIONS)  # step t looks for source position t
    keys_values = _linear(2 * dim, dim)
    keys_values[size:dim, size:] = np.eye(POSITIONS)
    for source, target in mapping.items():
        keys_values[dim + target, source] = 1.0  # value: the source piece's translation
    cross.linear[0].weight, cross.linear[1].weight = query, keys_values
    cross.linear[2].weight = GAIN * np.eye(dim, dtype=np.float32)
    projection = _linear(size, dim)
    projection[:, :size] = GAIN * np.eye(size)
    spec.decoder.projection.weight = projection
    spec.register_source_vocabulary(vocab)
    spec.register_target_vocabulary(vocab)
    return spec


def build_package(out: Path, from_code: str = "en", to_code: str = "es",
                  dictionary: Mapping[str, str] | None = None) -> Path:
    """Write a tiny `from_code`->`to_code` .argosmodel to `out` and return its path."""
    pairs = dict(dictionary) if dictionary is not None else dictionary_for(from_code, to_code)
    words = sorted(set(pairs) | set(pairs.values()))
    sp_model = train_sentencepiece(words)
    processor = spm.SentencePieceProcessor(model_proto=sp_model)
    vocab = [processor.id_to_piece(i) for i in range(processor.get_piece_size())]
    index = {piece: i for i, piece in enumerate(vocab)}
    mapping = {i: i for i in range(len(vocab))}  # copy what the dictionary does not know
    for source, target in pairs.items():
        mapping[index["▁" + source]] = index["▁" + target]
    spec = build_spec(vocab, mapping)
    spec.validate()
    spec.optimize(quantization="int8")
    name = f"translate-{from_code}_{to_code}-tiny"
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / name
        (root / "model").mkdir(parents=True)
        spec.save(str(root / "model"))
        (root / "sentencepiece.model").write_bytes(sp_model)
        metadata = {
            "package_version": "0.0.1", "argos_version": "1.12.1",
            "from_code": from_code, "from_name": NAMES.get(from_code, from_code),
            "to_code": to_code, "to_name": NAMES.get(to_code, to_code),
            "code": name, "type": "translate", "links": [],
        }
        (root / "metadata.json").write_text(json.dumps(metadata, indent=2), encoding="utf-8")
        (root / "README.md").write_text(
            "Tiny crafted test model built by scripts/build_tiny_argos_model.py; "
            "a word dictionary, not a real translator.\n", encoding="utf-8")
        out.parent.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
            for path in sorted(root.rglob("*")):
                archive.write(path, path.relative_to(Path(tmp)).as_posix())
    return out


def check(path: Path, text: str = "The cat needs water.") -> str:
    """Load the package's model straight with CTranslate2 and translate `text` (a smoke test)."""
    with tempfile.TemporaryDirectory() as tmp:
        with zipfile.ZipFile(path) as archive:
            archive.extractall(tmp)
        root = next(Path(tmp).iterdir())
        processor = spm.SentencePieceProcessor(model_file=str(root / "sentencepiece.model"))
        translator = ctranslate2.Translator(str(root / "model"))
        result = translator.translate_batch([processor.encode(text, out_type=str)])
        return processor.decode_pieces(result[0].hypotheses[0])


def main() -> None:
    """Build one package from the command line and print what it makes of a sentence."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", type=Path,
                        default=Path("tests/data/translate-en_es-tiny.argosmodel"))
    parser.add_argument("--from", dest="from_code", default="en")
    parser.add_argument("--to", dest="to_code", default="es")
    args = parser.parse_args()
    path = build_package(args.out, args.from_code, args.to_code)
    print(f"{path}: {path.stat().st_size} bytes; 'The cat needs water.' -> {check(path)!r}")


if __name__ == "__main__":
    main()

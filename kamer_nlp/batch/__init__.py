"""Batch runs over document folders (see :mod:`kamer_nlp.batch.run`)."""

from kamer_nlp.batch.inputs import SUFFIXES, fallback_id, find_inputs, sha256_of
from kamer_nlp.batch.run import BatchSummary, run_batch
from kamer_nlp.batch.state import (
    COMMITMENTS,
    DOCUMENTS,
    ERRORS,
    PIPELINE,
    SUMMARY,
    BatchError,
    OutputLocked,
    pipeline_identity,
)
from kamer_nlp.batch.supervisor import GiB, Limits, MiB, Supervisor, WorkerStartError
from kamer_nlp.batch.work import Job, Outcome, process_job, process_path

__all__ = [
    "COMMITMENTS",
    "DOCUMENTS",
    "ERRORS",
    "PIPELINE",
    "SUFFIXES",
    "SUMMARY",
    "BatchError",
    "BatchSummary",
    "GiB",
    "Job",
    "Limits",
    "MiB",
    "Outcome",
    "OutputLocked",
    "Supervisor",
    "WorkerStartError",
    "fallback_id",
    "find_inputs",
    "pipeline_identity",
    "process_job",
    "process_path",
    "run_batch",
    "sha256_of",
]

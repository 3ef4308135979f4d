"""Where the pipeline runs: the Spark runner for clusters (optional extra `eventline[spark]`) and the Parquet
layout it writes. Local parallel ingest lives in the `ingest` command (`--workers N`)."""

"""newsledger past one machine: a PySpark job analyses JSONL and WARC archives on the executors
and writes Parquet (``job``), and a loader stores and links that Parquet into a ledger on one
machine (``load``), giving the ledger a local ``newsledger ingest`` of the same inputs gives.

``rows`` and ``load`` need no Spark; ``job`` and ``schema`` import pyspark (the ``spark`` extra).
"""

"""Performance harness: synthetic parks, parksgis stages and peers (see docs/README-bench.md)."""

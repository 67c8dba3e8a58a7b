from parksgis.cli import main

raise SystemExit(main())

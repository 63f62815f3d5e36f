from qisite.cli import main

raise SystemExit(main())

from qisite.cli import run

run()

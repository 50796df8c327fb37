from trialfind.cli import main

main()

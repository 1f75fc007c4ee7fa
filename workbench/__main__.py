from workbench.cli import main

main(prog_name="workbench")

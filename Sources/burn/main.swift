// burn: the command-line entry point.
print("burn")

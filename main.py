"""MLP Studio: python main.py opens the app."""
import sys

from gui.app import main

if __name__ == "__main__":
    sys.exit(main())

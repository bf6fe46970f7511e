#!/bin/sh
# Prints the recorded AGX Orin tegrastats lines (see ../README.md), then stays alive like tegrastats does.
cat "$(dirname "$0")/agx-orin-jp6.log"
exec sleep 30

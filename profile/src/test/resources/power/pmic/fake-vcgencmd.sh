#!/bin/sh
# Prints a recorded 'vcgencmd pmic_read_adc' output (see ../README.md); ignores its arguments.
cat "$(dirname "$0")/pi5-pmic_read_adc.txt"

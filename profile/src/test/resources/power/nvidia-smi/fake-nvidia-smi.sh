#!/bin/sh
# Reproduces the documented output format of nvidia-smi --query-gpu=power.draw --format=csv,noheader,nounits (values made up).
printf "71.23\n68.50\n"

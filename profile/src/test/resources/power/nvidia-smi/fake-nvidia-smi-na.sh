#!/bin/sh
# A GPU that does not report power.draw prints [N/A] (documented format).
printf "[N/A]\n"

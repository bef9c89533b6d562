#!/usr/bin/env node
// Launcher: everything lives in the built entry (npm install runs the build).
import "../dist/bundle/cli.js";

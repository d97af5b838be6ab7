/* cngloss serve: search as you type (the page works without it). */
"use strict";

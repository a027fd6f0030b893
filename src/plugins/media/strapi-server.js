'use strict';

module.exports = require('../load-server')(__dirname);

const Sequencer = require('@jest/test-sequencer').default;

/** Runs the fault files in name order (they are numbered like the list). */
class ByName extends Sequencer {
  sort(tests) {
    return [...tests].sort((a, b) => a.path.localeCompare(b.path));
  }
}

module.exports = ByName;

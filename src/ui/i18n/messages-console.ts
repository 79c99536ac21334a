/**
 * The console's own words (what podsim says around the commands) and the scenario
 * picker. Command output is kubectl's and stays English; so do command names, flags
 * and the synopsis lines of `help`.
 */
export const en = {
  'console.label': 'Console',
  'console.output': 'Console output',
  'console.input': 'Command (kubectl or sim); Tab completes, Up and Down recall history',
  'console.following': 'following (Esc stops) $',
  'console.run': 'Run',
  'console.stdin': 'Type or paste the manifest, then a line EOF to apply it.',
  'console.loaded': 'Loaded {file}: {title}. Type kubectl or sim commands; Tab completes, ↑/↓ recall.',
  'console.restarted': 'Restarted from 0:00; commands typed before are forgotten.',
  'console.notFound': '{command}: command not found (this console takes kubectl ... and sim ... commands; try help)',
  'console.internalError': 'podsim: internal error running this command: {error}',
  'console.kubectlLoading': 'loading kubectl…',
  'console.kubectlLoadFailed': 'podsim: could not load kubectl: {error}',
  'console.loaderLoading': 'loading the scenario loader that reads manifests…',
  'console.loaderLoadFailed': 'podsim could not fetch the scenario loader that reads this text: {error}',
  'console.runtimeLoading': 'loading the shell that runs commands in containers…',
  'console.runtimeLoadFailed': 'podsim could not fetch the shell that runs this scenario\'s scripts: {error}',
  'console.loadCrashed': '{file}:1:1: podsim could not load this file: {error}',
  'help.commands': 'Commands:',
  'help.keys': 'Keys: Space play/pause, ←/→ previous/next event (outside text fields), Tab completes, ↑/↓ history.',

  'picker.scenario': 'Scenario',
  'picker.yourFile': '{file} (your file)',
  'picker.choose': 'Choose a scenario',
  'picker.openFile': 'Open file…',
  'picker.openFileLabel': 'Open a scenario file',
  'picker.paste': 'Paste YAML…',
  'picker.pasteGroup': 'Paste a scenario',
  'picker.pasteLabel': 'Scenario or plain Kubernetes manifests (YAML)',
  'picker.url': 'From URL…',
  'picker.urlForm': 'Load a scenario from a URL',
  'picker.urlLabel': 'URL of a scenario YAML file',
  'picker.load': 'Load',
  'picker.cancel': 'Cancel',

  'problems.title.one': '{file} has 1 problem',
  'problems.title': '{file} has {n} problems',
  'problems.keepsRunning': '; the previous scenario keeps running.',
  'problems.end': '.',
  'problems.dismiss': 'Dismiss',
};


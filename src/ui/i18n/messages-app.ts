/**
 * The app frame: header, language switch, tabs, playback, canvas and its summary.
 * Japanese follows kubernetes.io/ja: Kubernetes object kinds stay as spelled (Pod,
 * Service, Deployment), general words are Japanese (コンテナ, ノード, プローブ, 再起動).
 */
export const en = {
  'app.tagline': 'pod lifecycle simulator',
  'app.cluster': 'Cluster: {title}',
  'app.noScenario': 'no scenario',
  'app.panels': 'Panels',
  'lang.label': 'Language',

  'tab.about': 'About',
  'tab.inspector': 'Inspector',
  'tab.events': 'Events',
  'tab.yaml': 'YAML',

  'transport.group': 'Playback',
  'transport.play': 'Play',
  'transport.pause': 'Pause',
  'transport.playKey': 'Play (Space)',
  'transport.pauseKey': 'Pause (Space)',
  'transport.prev': 'Back to the previous event (Left arrow)',
  'transport.prevTitle': 'Previous event (←)',
  'transport.next': 'Step to the next event (Right arrow)',
  'transport.nextTitle': 'Next event (→)',
  'transport.restart': 'Restart from the beginning',
  'transport.restartTitle': 'Restart',
  'transport.speed': 'Speed',
  'transport.speedLabel': 'Playback speed',
  'transport.timeline': 'Timeline',
  'transport.timeOf': '{now} of {total}',
  'transport.clock': 'Virtual time',

  'canvas.error': 'The canvas could not start ({error}). The console, events and inspector still work.',
  'canvas.label': 'Cluster picture: {summary}',
  'canvas.none': 'No scenario loaded.',
  'canvas.summary.one': '1 node, {pods} pods, {ready} running and ready',
  'canvas.summary': '{nodes} nodes, {pods} pods, {ready} running and ready',
  'canvas.service': 'Service {service}: {ok} ok, {failed} failed',
  'canvas.zoom': 'Zoom',
  'canvas.zoomIn': 'Zoom in',
  'canvas.zoomOut': 'Zoom out',
  'canvas.fit': 'Fit',
  'canvas.fitLabel': 'Fit the cluster in view',

  /** joins the parts of a list read out as one sentence, and ends it */
  'sep.list': '; ',
  'sep.sentence': '. ',
  'sep.end': '.',
};


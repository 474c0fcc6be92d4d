/** The console's labels for primary and standby (issue 20) in English, spread into labels-en.ts. */
export const hostsEn = {
  'tab.hosts': 'Hosts',
  'key.hostsTab': 'Hosts: primary and standby',
  'key.takeOver': 'Take over as primary (on a standby; asks first)',

  'hosts.badge.standby': 'STANDBY of {peer}',
  'hosts.badge.standbyAlone': 'STANDBY',
  'hosts.badge.inStep': 'PRIMARY · epoch {epoch} · standby in step',
  'hosts.badge.behind': 'PRIMARY · epoch {epoch} · standby behind',
  'hosts.strip.behind':
    'STANDBY BEHIND — the standby did not confirm within {ms} ms; the race goes on here alone',
  'hosts.strip.deposed': 'DEPOSED at epoch {epoch} by {by}: this host is now a standby',
  'hosts.rejoin': 'Rejoin as standby',

  'hosts.title': 'Hosts: primary and standby',
  'hosts.noView': 'The host has not said its role yet.',
  'hosts.d.role': 'Role',
  'hosts.role.primary': 'primary',
  'hosts.role.standby': 'standby',
  'hosts.d.epoch': 'Epoch',
  'hosts.d.self': 'This host',
  'hosts.d.peer.primary': 'Its standby',
  'hosts.d.peer.standby': 'The primary',
  'hosts.d.behind.primary': 'Not confirmed by the standby',
  'hosts.d.behind.standby': 'Behind the primary',
  'hosts.lines': '{count} lines',
  'hosts.d.lastHeard': 'Last heard',
  'hosts.heardAgo': '{seconds} s ago',
  'hosts.neverHeard': 'never',
  'hosts.d.stateHash': 'State hash',
  'hosts.d.position': 'Position',
  'hosts.position': 'program revision {program}',
  'hosts.positionRace': '{race}: {lines} lines',
  'hosts.none': '—',

  'hosts.takeOver': 'Take over as primary',
  'hosts.takeOver.silent':
    'The primary has been silent for {seconds} s or more: this host may take over.',
  'hosts.takeOver.heard':
    'The primary is still heard: take over only if it is really out (the console asks twice).',
  'hosts.takeOver.question':
    'Make this host the primary? From then on every command comes here and every view follows this host; the other host is deposed.',
  'hosts.takeOver.yes': 'Take over',
  'hosts.force.title': 'The primary is still heard',
  'hosts.force.question':
    'Take over anyway? Two hosts must never both take commands: do this only when the primary laptop is out of the race.',
  'hosts.force.yes': 'Take over anyway (force)',
  'hosts.takeOver.primary': 'This host is the primary: there is nothing to take over.',

  'hosts.follow.title': 'Run as standby of …',
  'hosts.follow.help':
    'This host copies every line the primary journals, and can take over in seconds. The primary’s address and control token are in its console URL.',
  'hosts.follow.address': 'Primary address',
  'hosts.follow.addressPlaceholder': 'http://192.168.1.20:8316',
  'hosts.follow.token': 'Control token',
  'hosts.follow.submit': 'Run as standby',
  'hosts.follow.done': 'Following {primary}.',
  'hosts.address.empty': 'type the primary’s address, e.g. http://192.168.1.20:8316',
  'hosts.address.scheme': 'the address starts with http:// (http://HOST:PORT)',
  'hosts.address.path': 'only the host and its port, no path: http://HOST:PORT',
  'hosts.address.host': '“{host}” is not a host name or IP address',
  'hosts.address.port': 'the address needs the primary’s port: http://HOST:PORT',
  'hosts.address.badPort': 'port {port} is not a port (1 to 65535)',
  'hosts.address.self': 'that is this host’s own address',
  'hosts.token.empty': 'paste the primary’s control token',
  'hosts.token.long': 'a control token is at most 200 characters',

  'hosts.diverged': 'Set aside in DATA/diverged/',
  'hosts.divergedHelp':
    'Journals this host had that the primary did not; never deleted, kept for the review.',
} as const;

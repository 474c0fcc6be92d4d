import type { hostsEn } from './hosts-en.ts';

/** The labels for primary and standby (issue 20) in Dutch, spread into labels-nl.ts. */
export const hostsNl: Record<keyof typeof hostsEn, string> = {
  'tab.hosts': 'Hosts',
  'key.hostsTab': 'Hosts: primair en stand-by',
  'key.takeOver': 'Overnemen als primaire host (op een stand-by; vraagt eerst)',

  'hosts.badge.standby': 'STAND-BY van {peer}',
  'hosts.badge.standbyAlone': 'STAND-BY',
  'hosts.badge.inStep': 'PRIMAIR · epoch {epoch} · stand-by bij',
  'hosts.badge.behind': 'PRIMAIR · epoch {epoch} · stand-by achter',
  'hosts.strip.behind':
    'STAND-BY ACHTER — de stand-by bevestigde niet binnen {ms} ms; de race gaat hier alleen verder',
  'hosts.strip.deposed': 'AFGEZET bij epoch {epoch} door {by}: deze host is nu stand-by',
  'hosts.rejoin': 'Weer stand-by worden',

  'hosts.title': 'Hosts: primair en stand-by',
  'hosts.noView': 'De host heeft zijn rol nog niet gemeld.',
  'hosts.d.role': 'Rol',
  'hosts.role.primary': 'primair',
  'hosts.role.standby': 'stand-by',
  'hosts.d.epoch': 'Epoch',
  'hosts.d.self': 'Deze host',
  'hosts.d.peer.primary': 'Zijn stand-by',
  'hosts.d.peer.standby': 'De primaire host',
  'hosts.d.behind.primary': 'Niet bevestigd door de stand-by',
  'hosts.d.behind.standby': 'Achter op de primaire host',
  'hosts.lines': '{count} regels',
  'hosts.d.lastHeard': 'Laatst gehoord',
  'hosts.heardAgo': '{seconds} s geleden',
  'hosts.neverHeard': 'nooit',
  'hosts.d.stateHash': 'Toestandshash',
  'hosts.d.position': 'Positie',
  'hosts.position': 'programmarevisie {program}',
  'hosts.positionRace': '{race}: {lines} regels',
  'hosts.none': '—',

  'hosts.takeOver': 'Overnemen als primaire host',
  'hosts.takeOver.silent':
    'De primaire host zwijgt al {seconds} s of langer: deze host mag overnemen.',
  'hosts.takeOver.heard':
    'De primaire host is nog te horen: neem alleen over als hij echt uitgevallen is (de console vraagt het twee keer).',
  'hosts.takeOver.question':
    'Deze host primair maken? Vanaf dan komt elk commando hier en volgt elk scherm deze host; de andere host wordt afgezet.',
  'hosts.takeOver.yes': 'Overnemen',
  'hosts.force.title': 'De primaire host is nog te horen',
  'hosts.force.question':
    'Toch overnemen? Twee hosts mogen nooit allebei commando’s aannemen: doe dit alleen als de primaire laptop uit de race is.',
  'hosts.force.yes': 'Toch overnemen (forceren)',
  'hosts.takeOver.primary': 'Deze host is de primaire: er is niets over te nemen.',

  'hosts.follow.title': 'Stand-by draaien van …',
  'hosts.follow.help':
    'Deze host kopieert elke regel die de primaire host journaliseert en kan binnen seconden overnemen. Adres en bedieningstoken van de primaire host staan in de URL van zijn console.',
  'hosts.follow.address': 'Adres van de primaire host',
  'hosts.follow.addressPlaceholder': 'http://192.168.1.20:8316',
  'hosts.follow.token': 'Bedieningstoken',
  'hosts.follow.submit': 'Stand-by draaien',
  'hosts.follow.done': 'Volgt {primary}.',
  'hosts.address.empty': 'typ het adres van de primaire host, bijv. http://192.168.1.20:8316',
  'hosts.address.scheme': 'het adres begint met http:// (http://HOST:POORT)',
  'hosts.address.path': 'alleen de host en zijn poort, geen pad: http://HOST:POORT',
  'hosts.address.host': '“{host}” is geen hostnaam of IP-adres',
  'hosts.address.port': 'het adres heeft de poort van de primaire host nodig: http://HOST:POORT',
  'hosts.address.badPort': 'poort {port} is geen poort (1 tot 65535)',
  'hosts.address.self': 'dat is het eigen adres van deze host',
  'hosts.token.empty': 'plak het bedieningstoken van de primaire host',
  'hosts.token.long': 'een bedieningstoken is hoogstens 200 tekens',

  'hosts.diverged': 'Apart gezet in DATA/diverged/',
  'hosts.divergedHelp':
    'Journalen die deze host had en de primaire niet; nooit verwijderd, bewaard voor de nabespreking.',
};

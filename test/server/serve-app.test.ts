// Where the no-Electron start keeps the database — the same folder Electron's
// app.getPath('userData') gives 司法台账 — and how it writes today's date.

import { expect, test } from 'vitest';
import { localDay, userDataFolder } from '../../db/server/serve-app.ts';

test('Linux: $XDG_CONFIG_HOME/司法台账, else ~/.config/司法台账', () => {
  expect(userDataFolder({ XDG_CONFIG_HOME: '/home/li/.cfg' }, 'linux', '/home/li')).toBe('/home/li/.cfg/司法台账');
  expect(userDataFolder({}, 'linux', '/home/li')).toBe('/home/li/.config/司法台账');
});

test('Windows: %APPDATA%\\司法台账', () => {
  expect(userDataFolder({ APPDATA: 'C:\\Users\\li\\AppData\\Roaming' }, 'win32', 'C:\\Users\\li')).toBe(
    'C:\\Users\\li\\AppData\\Roaming\\司法台账',
  );
});

test('macOS: ~/Library/Application Support/司法台账', () => {
  expect(userDataFolder({}, 'darwin', '/Users/li')).toBe('/Users/li/Library/Application Support/司法台账');
});

test('today is the local calendar day, YYYY-MM-DD', () => {
  expect(localDay(new Date(2024, 0, 5, 23, 59))).toBe('2024-01-05');
  expect(localDay(new Date(2024, 11, 31, 0, 0))).toBe('2024-12-31');
});

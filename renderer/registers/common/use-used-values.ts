// The values already used in a form's free-text fields (罪名, 案由 …), read once when the form
// opens (`registers.usedValues`), for the fields' suggestions. A field whose values cannot be
// read simply has none: typing is never held up by them.

import { useEffect, useState } from 'react';
import { call } from '../../api/client.ts';
import type { RegisterName } from './types.ts';

export function useUsedValues(register: RegisterName, fields: readonly string[]): ReadonlyMap<string, readonly string[]> {
  const [values, setValues] = useState<ReadonlyMap<string, readonly string[]>>(new Map());
  const key = fields.join(',');
  useEffect(() => {
    if (key === '') return;
    let current = true;
    void Promise.all(
      key.split(',').map(async (field) => {
        const result = await call('registers.usedValues', { register, field });
        return [field, result.ok ? result.value : []] as const;
      }),
    ).then((entries) => {
      if (current) setValues(new Map(entries));
    });
    return () => {
      current = false;
    };
  }, [register, key]);
  return values;
}

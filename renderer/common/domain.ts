// Shapes of API values the renderer uses that no db/ module exports as a type.

export interface Office {
  readonly id: number;
  readonly name: string;
}

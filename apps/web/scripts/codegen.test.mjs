import { describe, expect, it } from 'vitest';
import { CodegenError, generate } from './codegen.mjs';

const schema = `
  scalar DateTime
  enum Colour { RED GREEN }
  input PaintInput { colour: Colour! coats: Int = 1 note: String }
  type Wall { id: ID! colour: Colour painted: DateTime rooms: [String!]! }
  type Query { wall(id: ID!): Wall walls: [Wall!]! }
  type Mutation { paint(id: ID!, input: PaintInput!): Wall! }
`;

describe('codegen', () => {
  it('types results, variables, enums and inputs from the schema', () => {
    const out = generate(schema, [
      { file: 'a.graphql', source: 'query GetWall($id: ID!) { wall(id: $id) { id colour painted rooms kind: __typename } }' },
      { file: 'b.graphql', source: 'mutation Paint($id: ID!, $input: PaintInput!) { paint(id: $id, input: $input) { id } }' },
    ]);
    expect(out).toContain("export type Colour = 'RED' | 'GREEN';");
    expect(out).toContain('export interface PaintInput {\n  colour: Colour;\n  coats?: number | null;\n  note?: string | null;\n}');
    expect(out).toContain('export type GetWallQueryVariables = {\n  id: string;\n};');
    expect(out).toContain(
      "export type GetWallQuery = {\n  wall: {\n    id: string;\n    colour: Colour | null;\n    painted: string | null;\n    rooms: Array<string>;\n    kind: 'Wall';\n  } | null;\n};",
    );
    expect(out).toContain('export const PaintDocument: TypedDocument<PaintMutation, PaintMutationVariables> = {');
  });

  it('types named fragments and sends each operation with the fragments it uses', () => {
    const out = generate(schema, [
      { file: 'f.graphql', source: 'fragment WallColour on Wall { id colour }\nfragment WallRooms on Wall { rooms }' },
      { file: 'a.graphql', source: 'query Walls { walls { ...WallColour id painted } }' },
      { file: 'b.graphql', source: 'query Rooms { walls { ...WallRooms } }' },
    ]);
    expect(out).toContain('export type WallColourFragment = {\n  id: string;\n  colour: Colour | null;\n};');
    expect(out).toContain('export type WallsQuery = {\n  walls: Array<{\n    id: string;\n    colour: Colour | null;\n    painted: string | null;\n  }>;\n};');
    const source = JSON.parse(/source: (".*"),/.exec(out.slice(out.indexOf("WallsDocument")))[1]);
    expect(source).toContain('fragment WallColour on Wall');
    expect(source).not.toContain('fragment WallRooms');
  });

  it('rejects an operation that does not match the schema', () => {
    expect(() => generate(schema, [{ file: 'a.graphql', source: 'query Bad { wall(id: "1") { height } }' }])).toThrow(CodegenError);
  });

  it('rejects anonymous operations', () => {
    expect(() => generate(schema, [{ file: 'a.graphql', source: '{ walls { id } }' }])).toThrow(/needs a name/);
  });
});

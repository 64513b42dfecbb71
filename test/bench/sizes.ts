/** The benchmark's three workspaces (issue 15): sizes and shapes the figures are quoted for. */
export interface SizeSpec {
  readonly name: SizeName;
  readonly files: number;
  /** Documents aimed at (exact for the single file; about, for the repository). */
  readonly documents: number;
  /** Megabytes aimed at (about). */
  readonly megabytes: number;
  /** One rendered file instead of a repository. */
  readonly singleFile: boolean;
}

export type SizeName = 'medium' | 'large' | 'huge';

export const SIZES: Readonly<Record<SizeName, SizeSpec>> = {
  medium: { name: 'medium', files: 1000, documents: 5040, megabytes: 6.9, singleFile: false },
  large: { name: 'large', files: 5000, documents: 25210, megabytes: 34, singleFile: false },
  huge: { name: 'huge', files: 1, documents: 4953, megabytes: 5.3, singleFile: true },
};

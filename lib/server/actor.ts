/** The signed-in user on whose behalf a service runs. Every service takes one. */
export interface Actor {
  id: string;
}

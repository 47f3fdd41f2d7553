// Problems in Japanese: one translation for the staff app and the CLI, kept in the domain.
export * from "../../domain/manifesto/japanese-messages.ts";

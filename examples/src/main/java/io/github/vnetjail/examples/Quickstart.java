package io.github.vnetjail.examples;

/** The quickstart: builds the seed's jail and prints it. Grows with the SDK. */
public final class Quickstart {
  private Quickstart() {}

  /** Runs the quickstart. */
  public static void main(String[] args) {
    System.out.println("vnetjail quickstart");
  }
}

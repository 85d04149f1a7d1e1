from kg.cli import main

if __name__ == "__main__":  # not when a spawned worker process re-imports the main module (kg build --cluster local:N)
    raise SystemExit(main())

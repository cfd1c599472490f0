"""Environment registries: Gymnasium and the suites that register into it, dm_control, PettingZoo; robot platforms by hand."""

from __future__ import annotations

import importlib
import importlib.util
import re
from pathlib import Path

from .common import Row, note, split_camel, version

GYM_SUITES = {  # entry-point module -> the suite name papers write
    "gymnasium.envs.classic_control": ("Classic Control", []),
    "gymnasium.envs.box2d": ("Box2D", []),
    "gymnasium.envs.mujoco": ("MuJoCo", ["Mujoco"]),
    "gymnasium.envs.toy_text": ("Toy Text", []),
    "ale_py": ("Arcade Learning Environment", ["ALE", "Atari", "Atari 2600"]),
    "minigrid": ("MiniGrid", ["Minigrid"]),
    "metaworld": ("Meta-World", ["MetaWorld", "Metaworld"]),
    "gymnasium_robotics.envs.adroit_hand": ("Adroit", ["Adroit Hand"]),
    "gymnasium_robotics.envs.franka_kitchen": ("Franka Kitchen", []),
    "gymnasium_robotics.envs.shadow_dexterous_hand": ("Shadow Dexterous Hand", []),
    "gymnasium_robotics.envs.maze.point_maze": ("PointMaze", ["Point Maze"]),
    "gymnasium_robotics.envs.maze.ant_maze": ("AntMaze", ["Ant Maze"]),
    "gymnasium_robotics.envs.fetch": ("Fetch", ["Fetch robotics tasks"]),
    "gymnasium_robotics": ("Gymnasium-Robotics", []),
    "highway_env": ("highway-env", ["HighwayEnv"]),
}
ALE_SUFFIX = re.compile(r"(NoFrameskip|Deterministic)?(-ram)?$")


def gym_rows() -> list[Row]:
    import gymnasium
    from gymnasium.envs.registration import registry

    for module in ("ale_py", "minigrid", "metaworld", "gymnasium_robotics", "highway_env", "miniworld"):
        try:
            gymnasium.register_envs(importlib.import_module(module))
        except Exception as err:  # a suite that does not import here is skipped, and said so
            note(f"skipped {module}: {err}")
    dists = {"gymnasium": "gymnasium", "ale_py": "ale-py", "minigrid": "minigrid", "metaworld": "metaworld",
             "gymnasium_robotics": "gymnasium-robotics", "highway_env": "highway-env"}
    rows, suites = [], set()
    for env_id in sorted(registry):
        spec = registry[env_id]
        entry = spec.entry_point if isinstance(spec.entry_point, str) else getattr(spec.entry_point, "__module__", "")
        package = entry.split(":")[0].split(".")[0]
        if package not in dists or "_" in spec.name or spec.name.startswith("GymV"):
            continue  # compatibility shims (`GymV26Environment`) and option ids (`goal_hidden`) are not environments
        source = version(dists[package])
        name, aliases = spec.name, [env_id] if "/" not in env_id else [env_id.split("/", 1)[1]]
        if package == "ale_py":
            name = ALE_SUFFIX.sub("", name)
            aliases += [split_camel(name), f"Atari {split_camel(name)}"]
        elif package == "gymnasium_robotics":  # `AntMaze_UMazeDense` -> `AntMaze-UMaze`
            name = re.sub(r"(Dense|Sparse)$", "", name).rstrip("_").replace("_", "-")
        elif package == "highway_env":  # `merge-v0`: the bare word would be no name at all
            name, aliases = env_id, []
        elif package == "gymnasium" and re.search(r"[a-z][A-Z]", name):
            aliases.append(split_camel(name))
        elif package == "metaworld" and "/" in env_id:
            name = env_id.split("/", 1)[1]
            aliases = [f"Meta-World {name}"]
        if package == "metaworld" and name.islower() and "-" in name:  # metaworld tasks: `door-open-v3` -> `door-open`
            name = re.sub(r"-v\d+$", "", name)
        rows.append(Row(name, "Environment", source, [a for a in aliases if a != name]))
        module = next((m for m in GYM_SUITES if entry.startswith(m)), None)
        if module and module not in suites:
            suites.add(module)
            suite, suite_aliases = GYM_SUITES[module]
            rows.append(Row(suite, "Environment", source, list(suite_aliases)))
    rows.append(Row("Gymnasium", "Environment", version("gymnasium"), ["OpenAI Gym", "Gym"]))
    import metaworld

    for task in metaworld.ALL_V3_ENVIRONMENTS:  # `door-open-v3` -> `door-open`; a one-word task keeps its suite (`Meta-World push`)
        name = re.sub(r"-v\d+$", "", task)
        rows.append(Row(name if "-" in name else f"Meta-World {name}", "Environment", version("metaworld"), [task]))
    return rows


def dm_control_rows() -> list[Row]:
    """The DeepMind Control Suite's domain-task pairs, written as papers do (`cheetah-run`)."""
    from dm_control import suite

    source = version("dm_control")
    rows = [Row("DeepMind Control Suite", "Environment", source, ["DMC", "DM Control", "dm_control", "DMControl", "DeepMind Control"])]
    for domain, task in suite.ALL_TASKS:
        name = f"{domain}-{task}".replace("_", "-")
        rows.append(Row(name, "Environment", source, [f"{domain} {task}".replace("_", " ").title(), f"{domain}_{task}"]))
    return rows


PETTINGZOO_NAMES = {"go": "Go", "rps": "Rock Paper Scissors", "tictactoe": "Tic-Tac-Toe", "texas_holdem": "Texas Hold'em",
                    "texas_holdem_no_limit": "No-Limit Texas Hold'em", "leduc_holdem": "Leduc Hold'em", "simple": "MPE Simple"}


def pettingzoo_rows() -> list[Row]:
    """Environment modules (`chess_v6`) found by walking the package: importing each would need every game's extras."""
    import pkgutil

    import pettingzoo

    source, rows = version("pettingzoo"), [Row("PettingZoo", "Environment", version("pettingzoo"))]
    suites = {"atari": None, "butterfly": None, "classic": None, "mpe": "Multi-Particle Environment", "sisl": "SISL"}
    for suite, suite_name in suites.items():
        path = Path(pettingzoo.__file__).parent / suite
        if suite_name:
            rows.append(Row(suite_name, "Environment", source, ["MPE"] if suite == "mpe" else []))
        for info in pkgutil.iter_modules([str(path)]):
            key = re.sub(r"_v\d+$", "", info.name)
            if key == info.name:
                continue
            name = PETTINGZOO_NAMES.get(key) or " ".join(w.capitalize() for w in key.split("_"))
            rows.append(Row(name, "Environment", source, [key] if "_" in key else []))
    return rows


ROBOTS = [  # physical platforms used as an agent's body (GUIDELINES.md, Environment)
    ("Franka Emika Panda", ["Franka Panda", "Franka"]), ("UR5", ["UR5e", "Universal Robots UR5"]), ("UR10", ["UR10e"]),
    ("KUKA LBR iiwa", ["KUKA iiwa", "LBR iiwa"]), ("Rethink Sawyer", ["Sawyer"]), ("Baxter", []), ("Fetch", ["Fetch robot"]),
    ("PR2", ["Willow Garage PR2"]), ("TIAGo", []), ("Hello Robot Stretch", ["Stretch RE1"]), ("Boston Dynamics Spot", []),
    ("Boston Dynamics Atlas", []), ("ANYmal", ["ANYmal C", "ANYmal D"]), ("Unitree A1", []), ("Unitree Go1", []),
    ("Unitree Go2", []), ("Unitree Aliengo", []), ("Unitree B1", []), ("Unitree H1", []), ("Unitree G1", []),
    ("Cassie", ["Agility Cassie"]), ("Agility Digit", []), ("MIT Mini Cheetah", ["Mini Cheetah"]), ("Kinova Gen3", []),
    ("Kinova Jaco", ["Jaco"]), ("xArm", ["UFactory xArm", "xArm6", "xArm7"]), ("WidowX", ["WidowX 250"]),
    ("ALOHA", ["Mobile ALOHA"]), ("Shadow Dexterous Hand", ["Shadow Hand"]), ("Allegro Hand", []), ("TurtleBot", ["TurtleBot3"]),
    ("LoCoBot", []), ("Clearpath Jackal", []), ("Clearpath Husky", []), ("Crazyflie", []), ("iCub", []), ("NAO", []),
    ("Pepper", []), ("DJI Tello", []), ("Stretch 3", []), ("Fourier GR-1", []), ("Tesla Optimus", []),
]


def robot_rows() -> list[Row]:
    return [Row(name, "Environment", "hand:robot-platforms", list(aliases)) for name, aliases in ROBOTS]



MANISKILL_SKIP = re.compile(r"^(?:MS-|CustomEnv|Empty|SceneManipulation|TableTopFreeDraw)")  # dm_control ports, templates, free scenes


def maniskill_rows() -> list[Row]:
    """ManiSkill's registered tasks (`PickCube-v1` -> PickCube), read from the `@register_env` calls of its source."""
    spec = importlib.util.find_spec("mani_skill")
    if spec is None:
        raise ImportError("mani_skill is not installed")
    source, rows = version("mani_skill"), [Row("ManiSkill", "Environment", version("mani_skill"), ["ManiSkill3"])]
    ids = {m for path in sorted((Path(spec.origin).parent / "envs").rglob("*.py"))
           for m in re.findall(r'@register_env\(\s*"([^"]+)"', path.read_text(encoding="utf-8"))}
    for env_id in sorted(ids):
        name = re.sub(r"(?:Level\d+)?-v\d+$", "", env_id)  # `RotateValveLevel3-v1`: a level of RotateValve
        if not MANISKILL_SKIP.search(name):
            rows.append(Row(name, "Environment", source, [env_id]))
    return rows


# Jumanji's optimisation problems are tasks by the guidelines, not worlds an agent acts in; its puzzles are scored against
# answers as often as played (a Benchmark then, by the guidelines), so context must type them; its own toy worlds have
# English-word names; `Game2048` would be the bare number.
JUMANJI_NOT_WORLDS = {"BinPack", "FlatPack", "JobShop", "Knapsack", "MMST", "CVRP", "MultiCVRP", "TSP", "GraphColoring", "Game2048",
                      "Sudoku", "RubiksCube", "SlidingTilePuzzle", "Cleaner", "Connector", "Maze", "SearchAndRescue"}
JUMANJI_NAMES = {"PacMan": "Pac-Man", "LevelBasedForaging": "Level-Based Foraging"}


def jumanji_rows() -> list[Row]:
    """Jumanji's registered environments (`Sokoban-v0`, `RobotWarehouse-v0`), read from its `register` calls."""
    spec = importlib.util.find_spec("jumanji")
    if spec is None:
        raise ImportError("jumanji is not installed")
    source, rows = version("jumanji"), [Row("Jumanji", "Environment", version("jumanji"))]
    for env_id in sorted(set(re.findall(r'\bid="([^"]+)"', Path(spec.origin).read_text(encoding="utf-8")))):
        key = re.sub(r"-v\d+$", "", env_id)
        if "-" in key or key in JUMANJI_NOT_WORLDS:
            continue  # `Sudoku-very-easy`: a level of a registered game
        name = JUMANJI_NAMES.get(key, split_camel(key))
        rows.append(Row(name, "Environment", source, [a for a in (key, env_id) if a != name]))
    return rows

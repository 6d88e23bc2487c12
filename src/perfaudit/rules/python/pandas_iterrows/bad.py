import pandas as pd


def totals(df: pd.DataFrame) -> list[float]:
    out = []
    for _, row in df.iterrows():  # expect: pandas-iterrows
        out.append(row["price"] * row["qty"])
    return out


def to_records(frame):
    return {idx: row.to_dict() for idx, row in frame.iterrows()}  # expect: pandas-iterrows
